-- lines-by-sku: table: unnested sub-table (typed JSON extraction), expr column over line fields, select sub-field, count_distinct of records
select g."sku" as "sku", g."activity" as "activity", g."qty" as "qty", g."amount" as "amount", g."orders" as "orders", g."max_price" as "max_price"
from (select (l.v->>'sku') as "sku", (l.v->>'activity') as "activity", sum(((l.v->>'qty'))::numeric) as "qty", sum((((l.v->>'qty'))::numeric * ((l.v->>'unit_price'))::bigint)) as "amount", count(distinct t."id") as "orders", max(((l.v->>'unit_price'))::bigint) as "max_price"
from "rec_1_3" as t
cross join lateral jsonb_array_elements(t."f_f_lines") as l(v)
where t."f_f_status" in ($1, $2) and ((l.v->>'activity') is null or (l.v->>'activity') <> $3)
group by 1, 2) as g
order by g."qty" desc nulls last, g."sku" asc nulls last, g."activity" asc nulls last
limit $4
-- parameters: ["paid","received","none",101]
-- columns: sku:dimension, activity:dimension, activity__label:label, qty:measure:number, amount:measure:money, orders:measure:integer, max_price:measure:money
-- drill: {"dimension":"sku","records":false}
