-- promoters-by-province: bar: region at province level through a relation, boolean filter, sort by dimension
select g."province" as "province", g."buyers" as "buyers", g."avg_total" as "avg_total"
from (select left(j1."f_f_region", 2) || '0000' as "province", count(distinct t."f_f_customer") as "buyers", avg(t."f_f_total") as "avg_total"
from "rec_1_3" as t
left join "rec_1_1" as j1 on j1.id = t."f_f_customer"
where j1."f_f_promoter" = $1
group by 1) as g
order by g."province" asc nulls last
limit $2
-- parameters: [true,51]
-- columns: province:dimension, province__label:label, buyers:measure:integer, avg_total:measure:money
-- drill: {"dimension":"province","records":false}
