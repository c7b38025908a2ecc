using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Channel_ReceivedUtc_Status_ProcessingDays_ThemeId_AdministrationId",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints",
                columns: new[] { "ReceivedUtc", "Channel", "Status", "ProcessingDays", "ThemeId", "AdministrationId", "TerritoryId", "Kind", "AnsweredUtc", "SatisfactionScore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Dashboard",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Channel_ReceivedUtc_Status_ProcessingDays_ThemeId_AdministrationId",
                table: "Complaints",
                columns: new[] { "Channel", "ReceivedUtc", "Status", "ProcessingDays", "ThemeId", "AdministrationId" });
        }
    }
}
