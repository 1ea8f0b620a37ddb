-- campaign-roi: table: rollup column (pre-aggregated LEFT JOIN), derived ratio with subtract switched by a choice param (when)
select g."channel" as "channel", g."cost" as "cost", g."gmv" as "gmv", g."roi" as "roi"
from (select g1.*, (g1."gmv" - g1."cost")::numeric / nullif(g1."cost", 0) as "roi"
from (select t."f_f_channel" as "channel", sum(t."f_f_cost") as "cost", sum(coalesce(ru1.v, 0)) as "gmv"
from "rec_1_2" as t
left join (select r1."f_f_campaign" as k, sum(r1."f_f_total") as v
from "rec_1_3" as r1
where r1."f_f_status" in ($1, $2) and r1."f_f_paid_at" >= $3 and r1."f_f_paid_at" < $4
group by 1) as ru1 on ru1.k = t.id
group by 1) as g1) as g
order by g."gmv" desc nulls last, g."channel" asc nulls last
limit $5
-- parameters: ["paid","received","2024-04-30T16:00:00.000Z","2024-05-31T16:00:00.000Z",1001]
-- columns: channel:dimension, cost:measure:money, gmv:measure:money, roi:measure:percent
-- drill: {"dimension":"channel","records":false}
