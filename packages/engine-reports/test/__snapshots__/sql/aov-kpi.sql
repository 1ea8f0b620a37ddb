-- aov-kpi: kpi: derived ratio of hidden measures, compare with the previous period of the date_range param
select g."aov" as "aov"
from (select g1.*, g1."gmv"::numeric / nullif(g1."orders", 0) as "aov"
from (select sum(t."f_f_total") as "gmv", count(*) as "orders"
from "rec_1_3" as t
where t."f_f_status" in ($1, $2) and t."f_f_paid_at" >= $3 and t."f_f_paid_at" < $4) as g1) as g
-- parameters: ["paid","received","2024-04-20T16:00:00.000Z","2024-05-20T16:00:00.000Z"]
-- columns: aov:measure:money
-- drill: {"records":false}
-- previous period:
select g."aov" as "aov"
from (select g1.*, g1."gmv"::numeric / nullif(g1."orders", 0) as "aov"
from (select sum(t."f_f_total") as "gmv", count(*) as "orders"
from "rec_1_3" as t
where t."f_f_status" in ($1, $2) and t."f_f_paid_at" >= $3 and t."f_f_paid_at" < $4) as g1) as g
-- parameters: ["paid","received","2024-03-21T16:00:00.000Z","2024-04-20T16:00:00.000Z"]
