-- multi-filters: filters of every kind: many-relation in/null, multi-select contains, number gte/lt, date between values, nin, relation param, text param, number param
select g."promoter" as "promoter", g."n" as "n"
from (select t."f_f_promoter" as "promoter", count(*) as "n"
from "rec_1_1" as t
left join "rec_1_2" as j1 on j1.id = t."f_f_campaign"
where exists (select 1 from "rec_1_1__f_interests_rel" as mr where mr.src = t."id" and mr.dst in ($1, $2)) and t."f_f_tags" @> array[$3]::text[] and t."f_f_referrer" = $4 and t."f_f_name" = $5 and t."f_f_bound_at" >= $6 and t."f_f_bound_at" < $7 and (t."f_f_channel" is null or t."f_f_channel" not in ($8, $9)) and j1."f_f_cost" >= $10 and not exists (select 1 from "rec_1_1__f_interests_rel" as mr where mr.src = t."id")
group by 1) as g
order by g."n" desc nulls last, g."promoter" asc nulls last
limit $11
-- parameters: [1,2,"vip",7,"x'; drop table users; --","2023-12-31T16:00:00.000Z","2024-01-31T16:00:00.000Z","test","internal",10000,1001]
-- columns: promoter:dimension, promoter__label:label, n:measure:integer
-- drill: {"dimension":"promoter","records":false}
