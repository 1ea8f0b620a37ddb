-- referral-tree: tree: recursive CTE over the self relation from a root param, rollup GMV per node restricted to the subtree
with recursive tr(id, parent, depth) as (
select t.id, t."f_f_referrer", 0 from "rec_1_1" as t where t.id = $1
union all
select c.id, c."f_f_referrer", tr.depth + 1 from "rec_1_1" as c join tr on c."f_f_referrer" = tr.id where tr.depth < $2
)
select g."id", g."parent", g."depth", g."label", g."gmv", g."customers"
from (select tr.id as "id", tr.parent as "parent", tr.depth as "depth", t."f_f_name" as "label", sum(coalesce(ru1.v, 0)) as "gmv", count(*) as "customers"
from tr
join "rec_1_1" as t on t.id = tr.id
left join (select r1."f_f_customer" as k, sum(r1."f_f_total") as v
from "rec_1_3" as r1
where r1."f_f_status" in ($3, $4) and r1."f_f_customer" in (select id from tr)
group by 1) as ru1 on ru1.k = t.id
group by 1, 2, 3, 4) as g
order by g."depth", g."id"
limit $5
-- parameters: [42,3,"paid","received",1001]
-- columns: id:dimension, label:label, parent:dimension, depth:dimension, gmv:measure:money, customers:measure:integer
-- drill: {"records":false}
