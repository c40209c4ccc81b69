output "client1_id" {
  value = aws_cognito_user_pool_client.client1.id
}
