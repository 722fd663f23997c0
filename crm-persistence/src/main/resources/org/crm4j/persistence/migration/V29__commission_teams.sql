-- crm4j schema, version 29: commission plans for teams (R13, R21). A plan may pay the team of a
-- manager: everyone below that manager in the reporting line whom no plan names and no nearer
-- manager's team plan pays. A manager's team is paid by one plan at most.

create table crm_commission_team (
    plan_id     bigint        not null,
    manager_id  varchar(100)  not null,
    constraint crm_commission_team_pk primary key (plan_id, manager_id),
    constraint crm_commission_team_plan_fk foreign key (plan_id) references crm_commission_plan (id),
    constraint crm_commission_team_uk unique (manager_id)
);
