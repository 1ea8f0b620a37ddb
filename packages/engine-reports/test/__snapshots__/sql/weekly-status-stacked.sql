-- weekly-status-stacked: stacked_bar: week buckets × status; two relation hops (customer.referrer.name) in a filter; contains; rowFilter on every table
select to_char(g."week", 'YYYY-MM-DD') as "week", g."status" as "status", g."gmv" as "gmv"
from (select date_trunc('week', t."f_f_paid_at" at time zone $1) as "week", t."f_f_status" as "status", sum(t."f_f_total") as "gmv"
from "rec_1_3" as t
left join "rec_1_1" as j1 on j1.id = t."f_f_customer" and "j1"."created_by" = $2
left join "rec_1_1" as j2 on j2.id = j1."f_f_referrer" and "j2"."created_by" = $3
where j2."f_f_name" ilike $4 and j1."f_f_region" is not null and "t"."created_by" = $5
group by 1, 2) as g
order by g."week" asc nulls last, g."status" asc nulls last
limit $6
-- parameters: ["Asia/Shanghai",42,42,"%O'Brien 100\\%%",42,1001]
-- columns: week:dimension, week__label:label, status:dimension, status__label:label, gmv:measure:money
-- drill: {"dimension":"week","records":false}
