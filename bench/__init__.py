"""Benchmarks and the generated configurations they (and the scale tests) use."""
