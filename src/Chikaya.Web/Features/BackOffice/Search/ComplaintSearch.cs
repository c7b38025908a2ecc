using System.Text.RegularExpressions;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.BackOffice.Search;

/// <summary>
/// Full-text search over the subject and description, in French and Arabic, with each database's own engine:
/// SQLite's FTS5 index (accents ignored, words matched by their beginning) or PostgreSQL's tsvector (French
/// stemming, and every word as written for Arabic). Both indexes are kept by the database itself (migration "Search").
/// </summary>
public static partial class ComplaintSearch
{
    public static IQueryable<Complaint> Matching(this IQueryable<Complaint> complaints, AppDbContext db, string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).Take(10).ToList();
        if (words.Count == 0) return complaints;
        IQueryable<Guid> ids;
        if (db is PostgresAppDbContext)
        {
            var query = string.Join(' ', words);
            ids = db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Complaints"
                WHERE "SearchVector" @@ (plainto_tsquery('french', {query}) || plainto_tsquery('simple', {query}))
                """);
        }
        else
        {
            // each word quoted (no FTS5 operator can slip in) and matched as a prefix: "poubelle" finds "poubelles"
            var match = string.Join(' ', words.Select(w => "\"" + w + "\"*"));
            ids = db.Database.SqlQuery<Guid>($"""
                SELECT c."Id" AS "Value" FROM "ComplaintSearch" s JOIN "Complaints" c ON c.rowid = s.rowid
                WHERE "ComplaintSearch" MATCH {match}
                """);
        }
        return complaints.Where(c => ids.Contains(c.Id));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
