
    
    



select posting_id
from "welfare"."staging"."stg_ledger__postings"
where posting_id is null


