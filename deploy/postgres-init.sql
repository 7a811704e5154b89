-- Runs once when the compose PostgreSQL volume is first created: one database per service.
CREATE DATABASE identitydb;
CREATE DATABASE chatdb;
CREATE DATABASE moderationdb;
CREATE DATABASE billingdb;
