-- gmv-by-month: line: month buckets of a datetime, sum of a money formula, count, date_range param, static in filter
select to_char(g."month", 'YYYY-MM-DD') as "month", g."gmv" as "gmv", g."orders" as "orders"
from (select date_trunc('month', t."f_f_paid_at" at time zone $1) as "month", sum(t."f_f_total") as "gmv", count(*) as "orders"
from "rec_1_3" as t
where t."f_f_status" in ($2, $3) and t."f_f_paid_at" >= $4 and t."f_f_paid_at" < $5
group by 1) as g
order by g."month" asc nulls last
limit $6
-- parameters: ["Asia/Shanghai","paid","received","2023-12-31T16:00:00.000Z","2024-03-31T16:00:00.000Z",1001]
-- columns: month:dimension, month__label:label, gmv:measure:money, orders:measure:integer
-- drill: {"dimension":"month","records":false}
