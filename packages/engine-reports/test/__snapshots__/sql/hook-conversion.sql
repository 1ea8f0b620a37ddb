-- hook-conversion: livestream funnel: intents by link code, select param on a text field, topN without others, a hidden measure
with g as (
select t."f_f_code" as "code", count(*) as "intents", sum(t."f_f_qty") as "qty"
from "rec_2_1" as t
where t."f_f_channel" = $1
group by 1
), ranked as (
select g.*, row_number() over (order by g."intents" desc nulls last, g."code" asc nulls last) as "kiln__rn"
from g
)
select g."code" as "code", g."intents" as "intents"
from (select ranked."code", ranked."intents", ranked."qty"
from ranked
where ranked."kiln__rn" <= $2) as g
order by g."intents" desc nulls last, g."code" asc nulls last
limit $3
-- parameters: ["douyin",10,1001]
-- columns: code:dimension, intents:measure:integer
-- drill: {"dimension":"code","records":false}
