using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // an FTS5 index over the complaints' own rows, kept in step by triggers
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ComplaintSearch" USING fts5("Subject", "Description", content='Complaints', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                INSERT INTO "ComplaintSearch"(rowid, "Subject", "Description") SELECT rowid, "Subject", "Description" FROM "Complaints";
                CREATE TRIGGER "ComplaintSearch_Insert" AFTER INSERT ON "Complaints" BEGIN
                    INSERT INTO "ComplaintSearch"(rowid, "Subject", "Description") VALUES (new.rowid, new."Subject", new."Description");
                END;
                CREATE TRIGGER "ComplaintSearch_Delete" AFTER DELETE ON "Complaints" BEGIN
                    INSERT INTO "ComplaintSearch"("ComplaintSearch", rowid, "Subject", "Description") VALUES ('delete', old.rowid, old."Subject", old."Description");
                END;
                CREATE TRIGGER "ComplaintSearch_Update" AFTER UPDATE OF "Subject", "Description" ON "Complaints" BEGIN
                    INSERT INTO "ComplaintSearch"("ComplaintSearch", rowid, "Subject", "Description") VALUES ('delete', old.rowid, old."Subject", old."Description");
                    INSERT INTO "ComplaintSearch"(rowid, "Subject", "Description") VALUES (new.rowid, new."Subject", new."Description");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ComplaintSearch_Update";
                DROP TRIGGER "ComplaintSearch_Delete";
                DROP TRIGGER "ComplaintSearch_Insert";
                DROP TABLE "ComplaintSearch";
                """);
        }
    }
}
