using System.Globalization;
using CsvHelper.Configuration;

namespace Chikaya.Web.Features.LegacyImport;

/// <summary>The exchange layout's CSV dialect: commas, invariant culture; a column left out is read as empty.</summary>
public static class Layout
{
    public static readonly CsvConfiguration Reading = new(CultureInfo.InvariantCulture)
    {
        HeaderValidated = null,
        MissingFieldFound = null,
        TrimOptions = TrimOptions.None,
        BadDataFound = null,
    };

    public static readonly CsvConfiguration Writing = new(CultureInfo.InvariantCulture);
}
