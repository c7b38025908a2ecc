using System.Globalization;
using System.Text;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Chat;

/// <summary>One message from a citizen on a messaging platform or the portal's chat.</summary>
public sealed record ChatMessage(string Platform, string UserId, string? Text, string? ImageUrl = null, string? Phone = null);

/// <summary>
/// Files a complaint step by step in a conversation (theme, place, text, photo) on any chat channel, and
/// answers a status question from a tracking number. "annuler" or "إلغاء" starts over at any step.
/// </summary>
public sealed partial class ChatEngine(AppDbContext db, SubmitComplaintHandler submit, TimeProvider clock, IStringLocalizer t)
{
    private static readonly string[] Cancel = ["annuler", "stop", "إلغاء", "الغاء"];
    private static readonly string[] Skip = ["non", "passer", "لا", "تخطي"];
    public const string WebPlatform = "web";
    public const string MaskedCode = "••••-••••";
    private string? _secretCode;

    public async Task<IReadOnlyList<string>> HandleAsync(ChatMessage message, Channel channel, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _secretCode = null;
        var conversation = await db.ChatConversations.FirstOrDefaultAsync(c => c.Platform == message.Platform && c.UserId == message.UserId, ct);
        if (conversation is null)
        {
            conversation = new ChatConversation { Platform = message.Platform, UserId = message.UserId };
            db.ChatConversations.Add(conversation);
        }
        var text = message.Text?.Trim() ?? "";
        if (conversation.Step == ChatStep.Start && text.Length > 0) conversation.Language = text.Any(IsArabic) ? "ar" : "fr";
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(conversation.Language);
        try
        {
            var replies = await ReplyAsync(conversation, text, message, channel, ct);
            // only the portal's chat shows the exchange again, and never with the secret code: only its hash is kept
            if (message.Platform == WebPlatform)
            {
                conversation.Say(text.Length > 0 ? text : "📷", citizen: true);
                foreach (var reply in replies) conversation.Say(_secretCode is { } code ? reply.Replace(code, MaskedCode) : reply, citizen: false);
            }
            conversation.UpdatedUtc = now;
            await db.SaveChangesAsync(ct);
            return replies;
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private async Task<List<string>> ReplyAsync(ChatConversation c, string text, ChatMessage message, Channel channel, CancellationToken ct)
    {
        if (Cancel.Contains(text.ToLowerInvariant()))
        {
            c.Reset();
            return [t["chat.cancelled"]];
        }
        if (NumberIn(text) is { } number && c.Step is ChatStep.Start or ChatStep.Theme) return [await StatusAsync(number, ct)];

        var themes = await db.Themes.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.SortOrder).ToListAsync(ct);
        switch (c.Step)
        {
            case ChatStep.Start:
                c.Step = ChatStep.Theme;
                return [t["chat.welcome"], ThemeList(themes)];
            case ChatStep.Theme:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) || choice < 1 || choice > themes.Count)
                    return [t["chat.theme.again"], ThemeList(themes)];
                c.ThemeId = themes[choice - 1].Id;
                c.Step = ChatStep.Place;
                return [t["chat.place"]];
            case ChatStep.Place:
                if (text.Length is 0 or > NewComplaint.MaxAddressLength) return [t["chat.place"]];
                c.Place = text;
                c.TerritoryCode = (await FindTerritoryAsync(text, ct))?.Code;
                c.Step = ChatStep.Description;
                return [t["chat.description"]];
            case ChatStep.Description:
                if (text.Length is 0 or > NewComplaint.MaxDescriptionLength) return [t["chat.description"]];
                c.Description = text;
                c.Step = ChatStep.Photo;
                return [t["chat.photo"]];
            default:
                if (message.ImageUrl is null && !Skip.Contains(text.ToLowerInvariant())) return [t["chat.photo"]];
                return await FileAsync(c, message, channel, ct);
        }
    }

    /// <summary>The reply of these that carries the secret code, if this message filed a complaint.</summary>
    public string? FiledReply(IReadOnlyList<string> replies) => _secretCode is { } code ? replies.FirstOrDefault(r => r.Contains(code)) : null;

    private async Task<List<string>> FileAsync(ChatConversation c, ChatMessage message, Channel channel, CancellationToken ct)
    {
        var description = c.Description! + (message.ImageUrl is { } photo ? "\n\n" + photo : "");
        var result = await submit.HandleAsync(new SubmitComplaintCommand
        {
            Channel = channel, ThemeId = c.ThemeId, TerritoryCode = c.TerritoryCode, Address = c.Place,
            Subject = NewComplaint.SubjectFrom(description, ""),
            Description = description, Language = c.Language, ContactPhone = message.Phone,
            // WhatsApp vouches for the number it delivers from: the citizen's record is found by it
            Citizen = message.Phone is { } phone ? new Domain.Citizens.CitizenIdentity { Phone = phone } : null,
        }, ct);
        if (result is SubmitComplaintResult.Invalid invalid)
        {
            // the routing found no administration for this place: ask again where
            c.Step = ChatStep.Place;
            return [t[invalid.Errors[0].Code], t["chat.place"]];
        }
        var filed = (SubmitComplaintResult.Filed)result;
        _secretCode = filed.SecretCode;
        c.Reset();
        return [t["chat.filed", filed.Complaint.TrackingNumber, filed.SecretCode, Display.Date(filed.Complaint.AnswerDueUtc)]];
    }

    private async Task<string> StatusAsync(string number, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().Where(x => x.TrackingNumber == number)
            .Select(x => new { x.Status, x.AnswerDueUtc, x.AnsweredUtc }).FirstOrDefaultAsync(ct);
        if (complaint is null) return t["chat.status.unknown", number];
        return complaint.AnsweredUtc is { } answered
            ? t["chat.status.answered", number, t[complaint.Status.Key()].Value, Display.Date(answered)]
            : t["chat.status.open", number, t[complaint.Status.Key()].Value, Display.Date(complaint.AnswerDueUtc)];
    }

    private string ThemeList(IReadOnlyList<Domain.Themes.Theme> themes) => t["chat.theme.choose"] + "\n" +
        string.Join("\n", themes.Select((x, i) => $"{i + 1}. {Display.Name(x.Name)}"));

    /// <summary>The arrondissement, commune or province the citizen named, written with or without accents.</summary>
    private async Task<Territory?> FindTerritoryAsync(string place, CancellationToken ct)
    {
        var said = Plain(place);
        var territories = await db.Territories.AsNoTracking()
            .Where(x => x.Kind == TerritoryKind.Arrondissement || x.Kind == TerritoryKind.Commune).ToListAsync(ct);
        return territories
            .SelectMany(x => new[] { (Territory: x, Name: Plain(x.NameFr)), (Territory: x, Name: Plain(x.NameAr)) })
            .Where(x => x.Name.Length >= 3 && said.Contains(x.Name, StringComparison.Ordinal))
            .OrderByDescending(x => x.Name.Length).ThenByDescending(x => x.Territory.Kind).Select(x => x.Territory).FirstOrDefault();
    }

    private static string Plain(string text) => new(text.Normalize(NormalizationForm.FormD)
        .Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark).Select(char.ToLowerInvariant).ToArray());

    private static bool IsArabic(char ch) => ch is >= '\u0600' and <= '\u06FF';

    /// <summary>A tracking number anywhere in the message: "où en est ch-2026-7k4p9q ?"</summary>
    private static string? NumberIn(string text) => NumberPattern().Match(text) is { Success: true } m ? TrackingNumber.Normalize(m.Value) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"CH[\s\-_./]?\d{4}[\s\-_./]?[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NumberPattern();
}
