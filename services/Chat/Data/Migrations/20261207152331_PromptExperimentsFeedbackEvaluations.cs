using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatbot.Chat.Data.Migrations
{
    /// <summary>
    /// Prompt experiments, reply feedback and prompt evaluations (docs/experiments.md); replies record their experiment
    /// and variant.
    /// </summary>
    public partial class PromptExperimentsFeedbackEvaluations : Migration
    {
        private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
        private const string GlobalPrompts = "current_setting('app.purge', true) = 'global_prompts'";
        private const string ExperimentResults = "current_setting('app.purge', true) = 'experiment_results'";
        private static readonly string[] ScopedTables = ["prompt_experiments", "prompt_evaluations"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "experiment_id",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "variant",
                table: "messages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prompt_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prompt_version = table.Column<int>(type: "integer", nullable: false),
                    set_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    cases = table.Column<string>(type: "jsonb", nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompt_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prompt_experiments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    variants = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompt_experiments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reply_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reply_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reply_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_reply_feedback_messages_reply_id",
                        column: x => x.reply_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_experiment_id",
                table: "messages",
                column: "experiment_id",
                filter: "experiment_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_prompt_evaluations_tenant_id_prompt_version_created_at",
                table: "prompt_evaluations",
                columns: new[] { "tenant_id", "prompt_version", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_prompt_experiments_one_running",
                table: "prompt_experiments",
                column: "tenant_id",
                unique: true,
                filter: "status = 'running'")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_prompt_experiments_tenant_id_created_at",
                table: "prompt_experiments",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reply_feedback_reply_id_user_id",
                table: "reply_feedback",
                columns: new[] { "reply_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reply_feedback_tenant_id_user_id",
                table: "reply_feedback",
                columns: new[] { "tenant_id", "user_id" });

            // Row-level security: experiments and evaluations of a tenant, plus the global default's (tenant_id NULL) that
            // every tenant reads and only a platform admin's transaction (app.purge = 'global_prompts') writes. Feedback is
            // tenant-scoped; a global experiment's results read replies and feedback across tenants only in a transaction
            // that sets app.purge = 'experiment_results'.
            migrationBuilder.Sql($"""
                GRANT SELECT, INSERT, UPDATE, DELETE ON prompt_experiments, prompt_evaluations, reply_feedback TO chat_app;
                ALTER TABLE reply_feedback ENABLE ROW LEVEL SECURITY;
                ALTER TABLE reply_feedback FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON reply_feedback TO chat_app
                    USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                CREATE POLICY experiment_results ON reply_feedback FOR SELECT TO chat_app USING ({ExperimentResults});
                CREATE POLICY experiment_results ON messages FOR SELECT TO chat_app USING ({ExperimentResults});
                """);
            foreach (var table in ScopedTables)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_read ON {table} FOR SELECT TO chat_app
                        USING (tenant_id IS NULL OR tenant_id = {CurrentTenant});
                    CREATE POLICY tenant_write ON {table} FOR ALL TO chat_app
                        USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});
                    CREATE POLICY global_write ON {table} FOR ALL TO chat_app
                        USING (tenant_id IS NULL AND {GlobalPrompts}) WITH CHECK (tenant_id IS NULL AND {GlobalPrompts});
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY IF EXISTS experiment_results ON messages;");
            migrationBuilder.DropTable(
                name: "prompt_evaluations");

            migrationBuilder.DropTable(
                name: "prompt_experiments");

            migrationBuilder.DropTable(
                name: "reply_feedback");

            migrationBuilder.DropIndex(
                name: "ix_messages_experiment_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "experiment_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "variant",
                table: "messages");
        }
    }
}
