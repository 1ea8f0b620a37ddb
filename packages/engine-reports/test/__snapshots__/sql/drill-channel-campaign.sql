-- drill-channel-campaign: bar with a drill path channel → campaign → records; a drill step pins the channel
select g."campaign" as "campaign", lb1."f_f_name" as "campaign__label", to_char(g."month", 'YYYY-MM-DD') as "month", g."customers" as "customers"
from (select t."f_f_campaign" as "campaign", date_trunc('month', t."f_f_bound_at" at time zone $1) as "month", count(*) as "customers"
from "rec_1_1" as t
where t."f_f_channel" = $2
group by 1, 2) as g
left join "rec_1_2" as lb1 on lb1.id = g."campaign"
order by g."month" asc nulls last, g."campaign" asc nulls last
limit $3
-- parameters: ["Asia/Shanghai","douyin",1001]
-- columns: campaign:dimension, campaign__label:label, month:dimension, month__label:label, customers:measure:integer
-- drill: {"dimension":"campaign","records":true}
