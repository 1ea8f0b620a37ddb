-- drill-month-bucket: drill into a month bucket: the pin is a sargable range of the bucket in the report zone
select to_char(g."day", 'YYYY-MM-DD') as "day", g."gmv" as "gmv"
from (select date_trunc('day', t."f_f_paid_at" at time zone $1) as "day", sum(t."f_f_total") as "gmv"
from "rec_1_3" as t
where t."f_f_paid_at" >= $2 and t."f_f_paid_at" < $3
group by 1) as g
order by g."day" asc nulls last
limit $4
-- parameters: ["Asia/Shanghai","2024-01-31T16:00:00.000Z","2024-02-29T16:00:00.000Z",1001]
-- columns: day:dimension, day__label:label, gmv:measure:money
-- drill: {"dimension":"day","records":true}
