-- session-gmv-match: livestream: rollup matched by value (orders.session text = live_sessions.code), difference, GPM ratio over an expr column
select g."host" as "host", g."gmv" as "gmv", g."cost" as "cost", g."margin" as "margin", g."gpm" as "gpm"
from (select g1.*, coalesce(g1."gmv", 0) - coalesce(g1."cost", 0) as "margin", g1."gmv"::numeric / nullif(g1."kviewers", 0) as "gpm"
from (select t."f_f_host" as "host", sum(coalesce(ru1.v, 0)) as "gmv", sum(t."f_f_cost") as "cost", sum(((t."f_f_viewers")::numeric / nullif(1000, 0))) as "kviewers"
from "rec_2_3" as t
left join (select r1."f_f_session" as k, sum(r1."f_f_total") as v
from "rec_2_2" as r1
where r1."f_f_status" in ($1, $2, $3)
group by 1) as ru1 on ru1.k = t."f_f_code"
group by 1) as g1) as g
order by g."gmv" desc nulls last, g."host" asc nulls last
limit $4
-- parameters: ["approved","shipped","delivered",1001]
-- columns: host:dimension, gmv:measure:money, cost:measure:money, margin:measure:money, gpm:measure:money
-- drill: {"dimension":"host","records":false}
