// The errors people hit most, grouped for the home page. Editorial: every code here must be authored.
export const FEATURED: { group: string; codes: string[] }[] = [
  { group: 'Connections', codes: ['08006', '57P01', '28P01', '28000', '53300', '3D000'] },
  { group: 'Constraints and data', codes: ['23505', '23503', '23502', '22P02', '22001', '22003'] },
  { group: 'Transactions and locks', codes: ['40001', '40P01', '25P02', '55P03', '57014', '25P03'] },
  { group: 'Statements and objects', codes: ['42P01', '42703', '42883', '42601', '42501', '26000'] },
];
