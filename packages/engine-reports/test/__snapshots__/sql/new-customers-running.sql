-- new-customers-running: area: day buckets of createdAt (system field), running total and share
select to_char(g."day", 'YYYY-MM-DD') as "day", g."new" as "new", g."total" as "total", to_char(g."first_seen" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "first_seen"
from (select g1.*, sum(g1."new") over (order by g1."day" rows between unbounded preceding and current row) as "total"
from (select date_trunc('day', t."created_at" at time zone $1) as "day", count(*) as "new", min(t."created_at") as "first_seen"
from "rec_1_1" as t
where t."created_at" >= $2 and t."created_at" < $3
group by 1) as g1) as g
order by g."day" asc nulls last
limit $4
-- parameters: ["Asia/Shanghai","2024-05-19T16:00:00.000Z","2024-05-20T16:00:00.000Z",1001]
-- columns: day:dimension, day__label:label, new:measure:integer, total:measure:integer, first_seen:measure
-- drill: {"dimension":"day","records":false}
