export const auditSv = {
  'audit.title': 'Granskningslogg',
  'audit.intro':
    'Varje ändring i Styrbord loggas med vem, när och vad, i en hashkedja som avslöjar manipulation.',
  'audit.verify': 'Kontrollera kedjan',
  'audit.seq': 'Nr',
  'audit.when': 'Tidpunkt',
  'audit.who': 'Vem',
  'audit.action': 'Händelse',
  'audit.entity': 'Post',
  'audit.change': 'Ändring',
  'audit.entityType': 'Posttyp',
  'audit.showChange': 'Visa ändring',
  'audit.before': 'Före',
  'audit.after': 'Efter',
  'audit.system': 'Systemet',
};
export const auditEn: Record<keyof typeof auditSv, string> = {
  'audit.title': 'Audit trail',
  'audit.intro':
    'Every change in Styrbord is logged with who, when and what, in a hash chain that reveals tampering.',
  'audit.verify': 'Verify the chain',
  'audit.seq': 'No.',
  'audit.when': 'Time',
  'audit.who': 'Who',
  'audit.action': 'Action',
  'audit.entity': 'Record',
  'audit.change': 'Change',
  'audit.entityType': 'Record type',
  'audit.showChange': 'Show change',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.system': 'The system',
};
