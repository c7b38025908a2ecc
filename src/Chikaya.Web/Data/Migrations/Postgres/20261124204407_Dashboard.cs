using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcessingDays",
                table: "Complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Channel_ReceivedUtc_Status_ProcessingDays_ThemeI~",
                table: "Complaints",
                columns: new[] { "Channel", "ReceivedUtc", "Status", "ProcessingDays", "ThemeId", "AdministrationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Channel_ReceivedUtc_Status_ProcessingDays_ThemeI~",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ProcessingDays",
                table: "Complaints");
        }
    }
}
