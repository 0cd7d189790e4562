#!/bin/sh
# Installs Right First for this user under ~/.local, from the folder this script is in:
# the program in ~/.local/bin, its menu entry, icons, metainfo and file type under
# ~/.local/share. Running it again updates the same files. uninstall.sh removes exactly
# what this put there: every file and folder it made is listed in its manifest.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bin_dir="$HOME/.local/bin"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id=nl.rightfirst.RightFirst
record_dir="$data_dir/$app_id"
manifest="$record_dir/installed"

# Folders are recorded only when this script makes them, so uninstall leaves the user's own.
made_dirs=""
make_dir() {
    if [ ! -d "$1" ]; then
        make_dir "$(dirname "$1")"
        mkdir "$1"
        made_dirs="$made_dirs
dir $1"
    fi
}

files=""
put() { # put SOURCE DEST MODE
    make_dir "$(dirname "$2")"
    tmp="$2.installing.$$"
    cp "$1" "$tmp"
    chmod "$3" "$tmp"
    mv -f "$tmp" "$2"
    files="$files
file $2"
}

make_dir "$record_dir"
put "$here/bin/rightfirst" "$bin_dir/rightfirst" 755
# The menu may not search ~/.local/bin: the entry names the program by its full path.
desktop="$record_dir/desktop.tmp"
sed -e "s|^Exec=rightfirst |Exec=\"$bin_dir/rightfirst\" |" \
    -e "s|^TryExec=rightfirst\$|TryExec=$bin_dir/rightfirst|" \
    "$here/share/applications/$app_id.desktop" > "$desktop"
put "$desktop" "$data_dir/applications/$app_id.desktop" 644
rm -f "$desktop"
put "$here/share/metainfo/$app_id.metainfo.xml" "$data_dir/metainfo/$app_id.metainfo.xml" 644
put "$here/share/mime/packages/$app_id.xml" "$data_dir/mime/packages/$app_id.xml" 644
for icon in "$here"/share/icons/hicolor/*/apps/*; do
    size=$(basename "$(dirname "$(dirname "$icon")")")
    put "$icon" "$data_dir/icons/hicolor/$size/apps/$(basename "$icon")" 644
done

# Keep what an earlier run recorded (its folders were made then, not now).
{
    if [ -f "$manifest" ]; then cat "$manifest"; fi
    printf '%s\n' "$made_dirs" "$files"
} | grep -v '^$' | sort -u > "$manifest.new"
mv -f "$manifest.new" "$manifest"

# Caches, where this desktop has the tools; the menu works without them, only later.
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data_dir/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data_dir/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_dir/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q "$data_dir/icons/hicolor" >/dev/null 2>&1 || true
fi

echo "Right First is installed: $bin_dir/rightfirst, and \"Right First\" in the menu (Office)."
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "To run it from a terminal, add $bin_dir to your PATH." ;;
esac
