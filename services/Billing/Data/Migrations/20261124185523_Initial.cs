using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Chatbot.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budget_alerts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    threshold_percent = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_alerts", x => new { x.tenant_id, x.period, x.threshold_percent });
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_tokens_per_day = table.Column<long>(type: "bigint", nullable: true),
                    tenant_tokens_per_day = table.Column<long>(type: "bigint", nullable: true),
                    requests_per_minute = table.Column<int>(type: "integer", nullable: true),
                    monthly_budget_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.tier);
                });

            migrationBuilder.CreateTable(
                name: "prices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    input_per_million = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    output_per_million = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tenant_billing",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_tokens_per_day = table.Column<long>(type: "bigint", nullable: true),
                    tenant_tokens_per_day = table.Column<long>(type: "bigint", nullable: true),
                    requests_per_minute = table.Column<int>(type: "integer", nullable: true),
                    monthly_budget_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    webhook_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    webhook_secret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    alert_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_billing", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "usage_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    reply_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pseudonymised = table.Column<bool>(type: "boolean", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prompt_version = table.Column<int>(type: "integer", nullable: false),
                    input_tokens = table.Column<int>(type: "integer", nullable: false),
                    output_tokens = table.Column<int>(type: "integer", nullable: false),
                    cost = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_limits",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tokens_per_day = table.Column<long>(type: "bigint", nullable: true),
                    requests_per_minute = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_limits", x => new { x.tenant_id, x.user_id });
                });

            migrationBuilder.InsertData(
                table: "plans",
                columns: new[] { "tier", "monthly_budget_usd", "requests_per_minute", "tenant_tokens_per_day", "user_tokens_per_day" },
                values: new object[,]
                {
                    { "enterprise", 10000m, 300, null, 1000000L },
                    { "free", 5m, 10, 100000L, 10000L },
                    { "pro", 200m, 60, 2000000L, 100000L }
                });

            migrationBuilder.CreateIndex(
                name: "ix_prices_provider_model_effective_from",
                table: "prices",
                columns: new[] { "provider", "model", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_usage_entries_occurred_at",
                table: "usage_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_usage_entries_reply_id",
                table: "usage_entries",
                column: "reply_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_usage_entries_tenant_id_occurred_at",
                table: "usage_entries",
                columns: new[] { "tenant_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_usage_entries_tenant_id_user_id_occurred_at",
                table: "usage_entries",
                columns: new[] { "tenant_id", "user_id", "occurred_at" });

            // Append-only ledger: rows are never deleted, and only pseudonymisation (user_id, pseudonymised) may change.
            migrationBuilder.Sql("""
                CREATE FUNCTION usage_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'usage_entries is append-only: rows cannot be deleted';
                    END IF;
                    IF (NEW.id, NEW.reply_id, NEW.tenant_id, NEW.conversation_id, NEW.provider, NEW.model, NEW.prompt_version,
                        NEW.input_tokens, NEW.output_tokens, NEW.cost, NEW.occurred_at, NEW.recorded_at)
                       IS DISTINCT FROM (OLD.id, OLD.reply_id, OLD.tenant_id, OLD.conversation_id, OLD.provider, OLD.model,
                        OLD.prompt_version, OLD.input_tokens, OLD.output_tokens, OLD.cost, OLD.occurred_at, OLD.recorded_at)
                       OR (OLD.pseudonymised AND NOT NEW.pseudonymised) THEN
                        RAISE EXCEPTION 'usage_entries is append-only: only pseudonymisation may change a row';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER usage_entries_append_only BEFORE UPDATE OR DELETE ON usage_entries
                    FOR EACH ROW EXECUTE FUNCTION usage_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS usage_entries_append_only ON usage_entries; DROP FUNCTION IF EXISTS usage_entries_append_only();");

            migrationBuilder.DropTable(
                name: "budget_alerts");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "prices");

            migrationBuilder.DropTable(
                name: "tenant_billing");

            migrationBuilder.DropTable(
                name: "usage_entries");

            migrationBuilder.DropTable(
                name: "user_limits");
        }
    }
}
