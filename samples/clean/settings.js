// credentials come from the environment, never from the source
module.exports = {
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
  // identifiers, not credentials
  ownerUserId: 'AIDAKISRR5V6JQO3MQPU',
  deployRoleId: 'AROAYQACO2T7VGWEVJNV',
  AKIAVariable: 'not a key',
};
