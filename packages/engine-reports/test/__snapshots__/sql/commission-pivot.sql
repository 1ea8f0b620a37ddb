-- commission-pivot: pivot: select rows × quarter columns, money sum, ne filter, explicit time zone
select g."kind" as "kind", to_char(g."quarter", 'YYYY-MM-DD') as "quarter", g."amount" as "amount", g."entries" as "entries"
from (select t."f_f_kind" as "kind", date_trunc('quarter', t."f_f_release_at" at time zone $1) as "quarter", sum(t."f_f_amount") as "amount", count(*) as "entries"
from "rec_1_4" as t
where (t."f_f_state" is null or t."f_f_state" <> $2) and t."f_f_amount" > $3
group by 1, 2) as g
order by g."kind" asc nulls last, g."quarter" asc nulls last
limit $4
-- parameters: ["UTC","cancelled",0,1001]
-- columns: kind:dimension, kind__label:label, quarter:dimension, quarter__label:label, amount:measure:money, entries:measure:integer
-- drill: {"dimension":"kind","records":false}
