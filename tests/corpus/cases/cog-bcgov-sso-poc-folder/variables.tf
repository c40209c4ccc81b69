variable "target_aws_account_id" {
  default = ""
}
variable "target_env" {
  default = ""
}
