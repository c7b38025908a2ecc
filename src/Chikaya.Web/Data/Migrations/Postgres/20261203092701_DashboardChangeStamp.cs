using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardChangeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // the dashboards' store reads again only the complaints changed since it last looked: the id of the
            // transaction that last inserted the row or changed a column the dashboards read, whatever the writer
            // (transactions commit out of order: the store compares with the oldest one still running, see ChangeFeed)
            migrationBuilder.Sql("""
                ALTER TABLE "Complaints" ADD COLUMN "ChangeStamp" bigint NOT NULL DEFAULT 0;
                CREATE INDEX "IX_Complaints_ChangeStamp" ON "Complaints" ("ChangeStamp");
                CREATE FUNCTION complaints_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."ChangeStamp" := pg_current_xact_id()::text::bigint;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Complaints_ChangeStamp_Insert" BEFORE INSERT ON "Complaints"
                    FOR EACH ROW EXECUTE FUNCTION complaints_change_stamp();
                CREATE TRIGGER "Complaints_ChangeStamp_Update" BEFORE UPDATE OF "Channel", "Kind", "Status", "ThemeId", "TerritoryId", "AdministrationId", "ReceivedUtc", "AnsweredUtc", "ClosedUtc",
                    "DecidedUtc", "DecisionDueUtc", "AnswerDueUtc", "ProcessingDays", "SatisfactionScore" ON "Complaints"
                    FOR EACH ROW EXECUTE FUNCTION complaints_change_stamp();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Complaints_ChangeStamp_Update" ON "Complaints";
                DROP TRIGGER "Complaints_ChangeStamp_Insert" ON "Complaints";
                DROP FUNCTION complaints_change_stamp();
                DROP INDEX "IX_Complaints_ChangeStamp";
                ALTER TABLE "Complaints" DROP COLUMN "ChangeStamp";
                """);
        }
    }
}
