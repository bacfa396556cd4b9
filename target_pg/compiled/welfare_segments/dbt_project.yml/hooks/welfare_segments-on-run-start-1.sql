create extension if not exists pgcrypto;
    create or replace function public.welfare_try_date(value text)
    returns date language plpgsql immutable as $$
    begin
        return value::date;
    exception when others then
        return null;
    end;
    $$;
    create or replace function public.welfare_try_double(value text)
    returns double precision language plpgsql immutable as $$
    begin
        return value::double precision;
    exception when others then
        return null;
    end;
    $$