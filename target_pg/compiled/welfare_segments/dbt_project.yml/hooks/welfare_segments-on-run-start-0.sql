select 1 as pseudonym_key_checked
