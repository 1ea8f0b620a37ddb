-- live-session-cost: livestream: select dimension, sums of number and money, expr column (money per thousand viewers), money-per-unit ratio
select g."channel" as "channel", g."viewers" as "viewers", g."cost" as "cost", g."cpm" as "cpm", g."per_viewer" as "per_viewer"
from (select g1.*, g1."cost"::numeric / nullif(g1."viewers", 0) as "per_viewer"
from (select t."f_f_channel" as "channel", sum(t."f_f_viewers") as "viewers", sum(t."f_f_cost") as "cost", avg((case when (t."f_f_viewers" > 0) then (((t."f_f_cost" * 1000))::numeric / nullif(t."f_f_viewers", 0)) else null end)) as "cpm"
from "rec_2_3" as t
group by 1) as g1) as g
order by g."viewers" desc nulls last, g."channel" asc nulls last
limit $1
-- parameters: [1001]
-- columns: channel:dimension, channel__label:label, viewers:measure:number, cost:measure:money, cpm:measure:money, per_viewer:measure:money
-- drill: {"dimension":"channel","records":false}
