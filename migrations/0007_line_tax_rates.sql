-- Custom migration (drizzle-kit generate --custom): extra items and expenses carry their
-- consumption tax rate (10, or 8 for 軽減税率). Every stored line was at 10 %: write it, and
-- the figures' tax per rate (one 10 % row, the stored subtotal and tax). Frozen documents
-- and their hashes are left as they were signed.
UPDATE `invoices` SET `inputs` = json_set(`inputs`, '$.extraItems', (
  SELECT json_group_array(json_set(`value`, '$.taxRate', coalesce(json_extract(`value`, '$.taxRate'), 10)))
  FROM json_each(`invoices`.`inputs`, '$.extraItems')
)) WHERE json_type(`inputs`, '$.extraItems') = 'array';
--> statement-breakpoint
UPDATE `invoices` SET `inputs` = json_set(`inputs`, '$.expenses', (
  SELECT json_group_array(json_set(`value`, '$.taxRate', coalesce(json_extract(`value`, '$.taxRate'), 10)))
  FROM json_each(`invoices`.`inputs`, '$.expenses')
)) WHERE json_type(`inputs`, '$.expenses') = 'array';
--> statement-breakpoint
UPDATE `invoices` SET `figures` = json_set(`figures`, '$.taxByRate', json_array(json_object(
  'rate', 10,
  'taxableAmount', json_extract(`figures`, '$.subtotal'),
  'consumptionTax', json_extract(`figures`, '$.consumptionTax')
)), '$.expensesByRate', CASE WHEN coalesce(json_extract(`figures`, '$.expensesTotal'), 0) = 0
  THEN json_array()
  ELSE json_array(json_object('rate', 10, 'amount', json_extract(`figures`, '$.expensesTotal')))
END) WHERE `figures` IS NOT NULL AND json_type(`figures`, '$.taxByRate') IS NULL;
