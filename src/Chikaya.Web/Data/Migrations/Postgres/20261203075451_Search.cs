using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chikaya.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // French stemming, and every word as written (Arabic), in one column the database keeps itself
            migrationBuilder.Sql("""
                ALTER TABLE "Complaints" ADD "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('french', coalesce("Subject", '') || ' ' || coalesce("Description", ''))
                    || to_tsvector('simple', coalesce("Subject", '') || ' ' || coalesce("Description", ''))) STORED;
                CREATE INDEX "IX_Complaints_SearchVector" ON "Complaints" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Complaints_SearchVector";
                ALTER TABLE "Complaints" DROP COLUMN "SearchVector";
                """);
        }
    }
}
