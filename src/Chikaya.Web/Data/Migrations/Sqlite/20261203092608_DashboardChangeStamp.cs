using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardChangeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // the dashboards' store reads again only the complaints changed since it last looked: a counter the
            // database itself moves on every insert and on every change of a column the dashboards read, whatever the writer
            migrationBuilder.Sql("""
                ALTER TABLE "Complaints" ADD COLUMN "ChangeStamp" INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX "IX_Complaints_ChangeStamp" ON "Complaints" ("ChangeStamp");
                CREATE TRIGGER "Complaints_ChangeStamp_Insert" AFTER INSERT ON "Complaints" BEGIN
                    UPDATE "Complaints" SET "ChangeStamp" = (SELECT COALESCE(MAX("ChangeStamp"), 0) + 1 FROM "Complaints") WHERE rowid = new.rowid;
                END;
                CREATE TRIGGER "Complaints_ChangeStamp_Update" AFTER UPDATE OF "Channel", "Kind", "Status", "ThemeId", "TerritoryId", "AdministrationId", "ReceivedUtc", "AnsweredUtc", "ClosedUtc",
                    "DecidedUtc", "DecisionDueUtc", "AnswerDueUtc", "ProcessingDays", "SatisfactionScore" ON "Complaints" BEGIN
                    UPDATE "Complaints" SET "ChangeStamp" = (SELECT COALESCE(MAX("ChangeStamp"), 0) + 1 FROM "Complaints") WHERE rowid = new.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Complaints_ChangeStamp_Update";
                DROP TRIGGER "Complaints_ChangeStamp_Insert";
                DROP INDEX "IX_Complaints_ChangeStamp";
                ALTER TABLE "Complaints" DROP COLUMN "ChangeStamp";
                """);
        }
    }
}
