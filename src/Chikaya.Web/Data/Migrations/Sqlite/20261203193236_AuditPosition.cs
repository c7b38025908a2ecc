using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Hash",
                table: "AuditEntries");

            migrationBuilder.AddColumn<long>(
                name: "Position",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            // the lines sealed so far were chained in the order of their ids: they keep that order as their places
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "Position" = sealed.place
                FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS place FROM "AuditEntries" WHERE "Hash" IS NOT NULL) AS sealed
                WHERE "AuditEntries"."Id" = sealed."Id"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Position",
                table: "AuditEntries",
                column: "Position",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Position",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Hash",
                table: "AuditEntries",
                column: "Hash");
        }
    }
}
