provider "aws" {
  region     = "us-west-2"
  access_key = "AKIAH7CGPDLORTCN2MEA"
  secret_key = "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"
}
