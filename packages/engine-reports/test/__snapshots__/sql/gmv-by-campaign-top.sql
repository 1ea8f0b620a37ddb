-- gmv-by-campaign-top: bar: relation dimension with label column, topN with others, conditional count, share
with g as (
select t."f_f_campaign" as "campaign", sum(t."f_f_total") as "gmv", avg(t."f_f_total") as "avg_order", count(distinct t."f_f_customer") as "buyers", count(*) filter (where t."f_f_status" = $1) as "received", sum(t."f_f_total") as "avg_order__s", count(t."f_f_total") as "avg_order__c"
from "rec_1_3" as t
where t."f_f_status" in ($2, $3)
group by 1
), ranked as (
select g.*, row_number() over (order by g."gmv" desc nulls last, g."campaign" asc nulls last) as "kiln__rn"
from g
)
select g."campaign" as "campaign", lb1."f_f_name" as "campaign__label", g."gmv" as "gmv", g."avg_order" as "avg_order", g."buyers" as "buyers", g."received" as "received", g."gmv_share" as "gmv_share", g."kiln__others" as "kiln__others"
from (select g1.*, g1."gmv"::numeric / nullif(sum(g1."gmv") over (), 0) as "gmv_share"
from (select ranked."campaign", ranked."gmv", ranked."avg_order", ranked."buyers", ranked."received", false as "kiln__others"
from ranked
where ranked."kiln__rn" <= $4
union all
select null, sum(ranked."gmv"), sum(ranked."avg_order__s")::numeric / nullif(sum(ranked."avg_order__c"), 0), null::bigint, sum(ranked."received"), true
from ranked
where ranked."kiln__rn" > $5
having count(*) > 0) as g1) as g
left join "rec_1_2" as lb1 on lb1.id = g."campaign"
order by g."kiln__others", g."gmv" desc nulls last, g."campaign" asc nulls last
limit $6
-- parameters: ["received","paid","received",5,5,1001]
-- columns: campaign:dimension, campaign__label:label, gmv:measure:money, avg_order:measure:money, buyers:measure:integer, received:measure:integer, gmv_share:measure:percent
-- drill: {"dimension":"campaign","records":false}
