
    
    



select contact_id
from "welfare"."staging"."stg_hospital__contacts"
where contact_id is null


