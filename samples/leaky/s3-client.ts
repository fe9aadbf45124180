import { S3Client } from '@aws-sdk/client-s3';

export const client = new S3Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'ASIACZZJ2WPTH4QY4A6Y',
    secretAccessKey: 'gSLN+XRygrHEO1ibfkAxbhlZ6C/ZM6vTfDIIz1xL',
    sessionToken: 'FwoGZXIvYXdzEtuApaFHyFxrg2nZoqZlwvpJen+Nh0Y8BelRDOzk0teTgl9StkHHnKTKdvDFHl+Lal+5NWa2UtWfGyA5gu/6SG6uLslHiWyc0rCKfUenliTsNDxTi3gXGpWCJ51Mm70e8BTHI8W5NwMwNjT2tPf/SV1HkapCxi/riO9a1poVpiAvciWxcSQiknAB2AgGqa9wKZLJOEHdDLXeCVbN5Uf0P0m/haLS6qmDFAl6yD3vMSM3cLL9THDVBhZhzSca5TRuYpwve2eYg15YBcSnEx/VOeUriS150J1FIFILE4aLXctoa3lqCPWBzvt6feIB2JqIcZmbE8kk2BpPxmtDqQ+xIf2DxEC6',
  },
});
