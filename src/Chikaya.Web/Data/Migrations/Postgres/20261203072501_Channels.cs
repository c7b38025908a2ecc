using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "Complaints",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Complaints",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MergedCitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeptCitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MergedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MergedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UndoneUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Citizens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Cin = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true)
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
