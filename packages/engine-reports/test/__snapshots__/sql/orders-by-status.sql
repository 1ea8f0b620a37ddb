-- orders-by-status: pie: select dimension, count
select g."status" as "status", g."orders" as "orders"
from (select t."f_f_status" as "status", count(*) as "orders"
from "rec_1_3" as t
group by 1) as g
order by g."orders" desc nulls last, g."status" asc nulls last
limit $1
-- parameters: [1001]
-- columns: status:dimension, status__label:label, orders:measure:integer
-- drill: {"dimension":"status","records":false}
