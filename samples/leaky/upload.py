import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAPWE7QFGCJJ5M2NCZ",
    aws_secret_access_key="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",
)
