using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CitizenId",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "Complaints",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Complaints",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MergedCitizenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeptCitizenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintIds = table.Column<string>(type: "TEXT", nullable: false),
                    MergedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MergedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UndoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Citizens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Cin = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Citizens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CitizenId",
                table: "Complaints",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenMerges_KeptCitizenId",
                table: "CitizenMerges",
                column: "KeptCitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_Cin",
                table: "Citizens",
                column: "Cin");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_Email",
                table: "Citizens",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_Phone",
                table: "Citizens",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_UserId",
                table: "Citizens",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Citizens_CitizenId",
                table: "Complaints",
                column: "CitizenId",
                principalTable: "Citizens",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Citizens_CitizenId",
                table: "Complaints");

            migrationBuilder.DropTable(
                name: "CitizenMerges");

            migrationBuilder.DropTable(
                name: "Citizens");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_CitizenId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CitizenId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ExternalReference",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PostalAddress",
                table: "Complaints");
        }
    }
}
