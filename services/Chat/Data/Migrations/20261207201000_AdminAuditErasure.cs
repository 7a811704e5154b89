using Chatbot.Chat.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// The admin audit log stays append-only except for an erasure (docs/audit.md): in a transaction that sets
    /// <c>chatbot.audit_erasure</c>, <c>chat_app</c> may rewrite who and whom (actor, target, before, after) and nothing
    /// else; deletes and truncates stay refused.
    /// </summary>
    [DbContext(typeof(ChatDbContext))]
    [Migration("20261207201000_AdminAuditErasure")]
    public partial class AdminAuditErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                GRANT UPDATE (actor_id, target, before, after) ON admin_audit_entries TO {ChatTenancy.Role};
                CREATE OR REPLACE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND current_setting('chatbot.audit_erasure', true) = 'on'
                       AND NEW.id = OLD.id AND NEW.tenant_id = OLD.tenant_id AND NEW.service = OLD.service
                       AND NEW.action = OLD.action AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'admin_audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                REVOKE UPDATE (actor_id, target, before, after) ON admin_audit_entries FROM {ChatTenancy.Role};
                CREATE OR REPLACE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'admin_audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
        }
    }
}
