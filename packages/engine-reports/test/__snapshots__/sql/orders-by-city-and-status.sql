-- orders-by-city-and-status: livestream: two dimensions (region city via relation, status), topN of the first by a measure with others across the second
with g as (
select left(j1."f_f_region", 4) || '00' as "city", t."f_f_status" as "status", sum(t."f_f_total") as "gmv", avg(t."f_f_total") as "avg", sum(t."f_f_total") as "avg__s", count(t."f_f_total") as "avg__c"
from "rec_2_2" as t
left join "rec_2_4" as j1 on j1.id = t."f_f_customer"
group by 1, 2
), ranked as (
select g0.*, dense_rank() over (order by g0."kiln__tot" desc nulls last, g0."city" asc nulls last) as "kiln__rn"
from (select g.*, (sum(g."avg__s") over (partition by g."city"))::numeric / nullif(sum(g."avg__c") over (partition by g."city"), 0) as "kiln__tot" from g) as g0
)
select g."city" as "city", g."status" as "status", g."gmv" as "gmv", g."avg" as "avg", g."kiln__others" as "kiln__others"
from (select ranked."city", ranked."status", ranked."gmv", ranked."avg", false as "kiln__others"
from ranked
where ranked."kiln__rn" <= $1
union all
select null, ranked."status", sum(ranked."gmv"), sum(ranked."avg__s")::numeric / nullif(sum(ranked."avg__c"), 0), true
from ranked
where ranked."kiln__rn" > $2
group by 2) as g
order by g."kiln__others", g."gmv" desc nulls last, g."city" asc nulls last, g."status" asc nulls last
limit $3
-- parameters: [3,3,1001]
-- columns: city:dimension, city__label:label, status:dimension, status__label:label, gmv:measure:money, avg:measure:money
-- drill: {"dimension":"city","records":false}
