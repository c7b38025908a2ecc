using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Faq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FaqEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionFr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AnswerFr = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    QuestionAr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AnswerAr = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaqEntries", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaqEntries");
        }
    }
}
