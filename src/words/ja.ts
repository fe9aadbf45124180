// The Japanese catalogue of reports and hooks (ja-guide.ts has the rest): the same keys as en.ts (TypeScript checks it against `Words`), in the words of AWS's
// Japanese documentation (glossary.json lists each term, the seed document that uses it and a quote; a test
// checks every string here against it). Loaded only when the run's language is Japanese (words/index.ts), so
// it is a chunk of its own in the bundle. Prose is in the polite style (です・ます) of AWS's Japanese guides;
// the lines of the hook and the table are kept short. Commands stay valid shell and AWS CLI: only their
// `#` comments and the text they print are Japanese.
import type { Words } from './en.js';

/** What a revision was named as (--range's base and head, a commit, a ref), in Japanese. */
const role = (name: string): string => term(({ base: '範囲の基点', head: '範囲の終点', commit: 'コミット', ref: 'ref' } as Record<string, string>)[name] ?? name);

/** A term followed by a particle: a space after Latin letters or digits (ref の), none after kana (コミットの). */
const term = (text: string): string => (/[\x21-\x7e]$/.test(text) ? `${text} ` : text);

export const ja: Words = {
  kinds: {
    'access-key-id': 'アクセスキー ID',
    'secret-access-key': 'シークレットアクセスキー',
    'session-token': 'セキュリティトークン',
    'bedrock-api-key': 'Bedrock API キー',
    'bedrock-short-term-key': 'Bedrock 短期 API キー',
    'service-specific-password': 'サービス固有の認証情報のパスワード',
    'ses-smtp-password': 'SES SMTP パスワード',
    'appsync-api-key': 'AppSync API キー',
    'cloudfront-private-key': 'CloudFront プライベートキー',
    'console-password': 'コンソールパスワード',
  },

  keyTypeShort: {
    'long-term': '長期のアクセスキー',
    temporary: 'AWS STS の一時的なアクセスキー',
    'bearer-token': 'AWS STS のサービスベアラートークン用のキー',
    'context-specific': 'コンテキスト固有の認証情報',
    unknown: null,
  },

  olderFormatKey: '旧形式のキー',

  report: {
    header: ['行:列', '値', '種類', 'ルール', '確度'],
    confidence: { high: '高', medium: '中', low: '低' },
    forKey: (keyId) => `対応するアクセスキー ID: ${keyId}`,
    account: (id) => `アカウント ${id}`,
    listJoin: '、',
    verification: {
      live: (arn) => `有効（LIVE）${arn ? `: ${arn}` : ''}`,
      meaning: {
        invalid: 'AWS はこのアクセスキー ID を現在受け付けていません',
        expired: 'セキュリティトークンの有効期限が切れています',
        'secret-mismatch': 'アクセスキー ID は存在しますが、このシークレットは対になるものではありません。キーは有効なものとして扱ってください',
        unknown: '判定できませんでした。理由は標準エラー出力の --verify の行を参照してください',
      },
      other: '不明な応答',
      status: (status, meaning) => `${status}（${meaning}）`,
      line: (what, checkedAt) => `STS: ${what}、確認日時 ${checkedAt}`,
    },
    presence: {
      more: (shown, more) => `${shown} ほか ${more} 件`,
      tag: (name) => `タグ ${name}`,
      noBranch: 'どのブランチにも含まれていません（タグまたは stash のみ）',
      atTip: (names) => `${names} の最新コミットにまだ残っています`,
      removed: (names) => `削除済み: ${names} の最新コミットにはありませんが、履歴には残っています`,
    },
    allowedBy: (n, why) => `${why}で許可 ${n} 件`,
    allowedNames: { inline: 'keywarden:allow コメント', baseline: 'ベースライン' },
    commitMessage: 'コミットメッセージ',
    foundInMessage: (count, allowed) => `コミットメッセージで AWS の認証情報を ${count} 件検出しました${allowed}。`,
    allowedList: (items) => `（${items.join('、')}）`,
    leftOut: (n) => ` --only-verified により ${n} 件を除外しました（STS がキーの有効性を確認できなかったもの）。`,
    clean: (live, allowed) => `${live ? '有効な ' : ''}AWS の認証情報は見つかりませんでした。${allowed}`,
    found: (count, files, allowed) => `${files} 個のファイルで AWS の認証情報を ${count} 件検出しました${allowed}。`,
  },

  finding: {
    annotationTitle: (kind, ruleId) => `AWS ${kind}（${ruleId}）`,
    annotation: (kind, secret, keyId, accountId, entry) =>
      `AWS ${kind} ${secret}${keyId ? `（アクセスキー ID ${keyId} に対応）` : ''}${accountId ? `（アカウント ${accountId}）` : ''}${entry ? `。アーカイブ内の ${entry} にあります` : ''}。`,
    introduced: (sha, author, date, subject) => `${date} に ${author} がコミット ${sha} で追加: ${subject}`,
    verification: (line) => `${line}。`,
    advice: 'まず IAM でキーを無効化してください（履歴を書き換えても漏洩はなかったことになりません）。そのうえでファイルからキーを削除します。`keywarden remediate` で実行するコマンドを表示できます。',
    githubClean: 'keywarden: AWS の認証情報は見つかりませんでした。',
    githubFound: (count) => `keywarden: AWS の認証情報を ${count} 件検出しました。対応手順は \`keywarden remediate\` で表示できます。`,
    sarifResult: (kind, secret, keyId, accountId, entry, commit, verification) => {
      let text = `AWS ${kind} ${secret}`;
      if (keyId) text += `（アクセスキー ID ${keyId} に対応）`;
      if (accountId) text += `、アカウント ${accountId}`;
      if (entry) text += `、アーカイブ内の ${entry}`;
      if (commit) text += `、${commit.date} に ${commit.author} がコミット ${commit.sha} で追加`;
      if (verification) text += `。STS の判定: ${verification.status === 'live' ? '有効（LIVE）' : verification.status}（確認日時 ${verification.checkedAt}）`;
      return `${text}。`;
    },
    sarifRoot: 'スキャンしたリポジトリまたはフォルダーのルート。',
    sarifShort: (kind) => `AWS の認証情報（${kind}）がリポジトリにコミットされています`,
    sarifFull: (kind) => `ファイル内で AWS の認証情報（${kind}）が見つかりました。リポジトリ、その履歴、フォークを読める人は誰でも、キーが無効化されるまでこのキーを使用できます。`,
    sarifSteps: [
      'IAM で今すぐキーを無効化し、削除してください（`aws iam update-access-key --status Inactive` のあと `aws iam delete-access-key`）。このキーを使っているものがあれば、先に代わりのキーを作成します。',
      'キーが漏洩してから何に使われたかを CloudTrail で確認してください。',
      'ファイルからキーを削除し、認証情報は `~/.aws/credentials`、環境変数、またはシークレット管理サービスに保管してください。',
      'コミットをプッシュ済みなら、履歴を書き換えても漏洩はなかったことになりません。漏洩を止められるのはキーの無効化です。`keywarden remediate` で、このキーに合わせた実際のコマンド付きの対応手順を表示できます。',
      '誤検出の場合は、その行のコメントに `keywarden:allow` と書くか、ベースラインに記録してください（`keywarden baseline --output .keywarden-baseline.json`）。',
    ],
    sarifMarkdownTitle: (short) => `**${short}。**`,
  },

  hint: {
    title: '今すぐやること:',
    committed: '  1. キーを含むコミットをプッシュしたなら、キーは公開されたものとして扱ってください。\n     キーへの対応が先、履歴の書き換えは最後です。',
    notCommitted: '  1. ファイルから認証情報を削除し、~/.aws/credentials または環境変数から読み込むようにしてください。',
    deactivate: '  2. 各キーを無効化し、削除します（一時的な ASIA キーは発行元のロールのセッションを取り消します）:',
    more: (n) => `       …ほか ${n} つのキー`,
    unpaired: (n) => `アクセスキー ID のないシークレットが ${n} 件あります。対になりうるキーはすべてローテーションしてください。`,
    cloudtrail: '  3. 全リージョンの CloudTrail でキーが不正利用されていないかを確認し、\n     すべての IAM ユーザーのアクセスキーのローテーションを行います。',
    full: (command) => `対応手順の全体（そのまま実行できるコマンド付き）: ${command}`,
    live: (keyId, arn) => `${keyId} は有効（LIVE）です。AWS が受け付けました${arn ? `（${arn}）` : ''}。最優先で対応してください。`,
    theRole: (name) => `ロール ${name}`,
    issuingRole: '発行元のロール',
    revoke: (keyId, role) => `${keyId}: IAM コンソール → [ロール] → ${role} → [セッションの取り消し]`,
    root: (keyId) => `${keyId} はルートユーザーのキーです: ルートユーザーでサインイン → [セキュリティ認証情報] → [アクセスキー] → [アクション] → [非アクティブ化]`,
  },

  blocked: {
    more: (n) => `ほか ${n} 件`,
    listJoin: '、',
    commit: (where, files) => [
      'コミットを中止しました（何もコミットされていません）。',
      `ステージされた変更に AWS の認証情報が含まれています（${where}）。`,
      '',
      '対処方法:',
      '  1. ファイルからキーを削除してください。認証情報はリポジトリに置かず、~/.aws/credentials',
      '     （`aws configure`）、環境変数（AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY）、または',
      '     シークレット管理サービスに保管して、そこから読み込むようにします。',
      `  2. 修正したファイルをステージし直す（git add ${files}）か、次のコマンドでこのコミットから外します:`,
      `     git restore --staged ${files}`,
      '  3. もう一度コミットします。チェックの対象はステージした内容だけなので、',
      '     作業ツリーに残っていても、ステージしていないキーではコミットは止まりません。',
      '',
      '誤検出の場合は、その行に `keywarden:allow` コメントを付けるか、フックが読むベースラインに登録します。',
      'リポジトリのトップで次を実行すると、作業ツリー内の検出結果がすべて記録されます:',
      '  keywarden baseline --output .keywarden-baseline.json',
      'そのあと git add .keywarden-baseline.json を実行して、もう一度コミットしてください。',
    ],
    leaked: (remediate) => `このキーをプッシュ、共有、または別の場所でコミットしたことがあるなら、漏洩したものとして扱い、\n無効化してください: ${remediate}`,
    noVerify: 'それでもコミットする場合（pre-commit のチェックがすべて省略されます。自己責任で）: git commit --no-verify',
    line: (n) => `${n} 行目`,
    message: (where, remediate) => [
      'コミットを中止しました（何もコミットされていません）。',
      `コミットメッセージに AWS の認証情報が含まれています（${where}）。`,
      '',
      '対処方法: メッセージからキーを削除して、もう一度コミットしてください（メッセージもファイルと',
      '同じようにプッシュされ、履歴に残ります）。書いたメッセージは git が保存しています。編集するには:',
      '  git commit -e -F "$(git rev-parse --git-path COMMIT_EDITMSG)"',
      `このキーをプッシュ、共有、または別の場所でコミットしたことがあるなら、漏洩したものとして扱い、\n無効化してください: ${remediate}`,
      'それでもコミットする場合（commit-msg のチェックがすべて省略されます。自己責任で）: git commit --no-verify',
    ],
  },

  preReceive: {
    incomplete: 'プッシュを拒否しました: スキャンで読む必要のあるものをすべて読めなかったため（上記参照）、問題がないとは判断できません',
    clean: (commits) => `このプッシュの新しいコミット ${commits} 件に AWS の認証情報はありません`,
    rejected: (n) => `プッシュを拒否しました: プッシュされたコミットに AWS の認証情報が ${n} 件あります:`,
    more: (n) => `ほか ${n} 件`,
    seconds: (n) => `${n} 秒`,
    timeoutOpen: (seconds) => `警告: AWS の認証情報のスキャンが ${seconds}以内に終わりませんでした（--timeout）。プッシュはスキャンせずに受け付けます（--on-timeout open）`,
    timeoutClosed: (seconds) =>
      `プッシュを拒否しました: AWS の認証情報のスキャンが ${seconds}以内に終わらず、スキャンしていないプッシュは通しません（--on-timeout closed）。一度にプッシュするコミットを減らすか、管理者にフックの --timeout を延ばすよう依頼してください`,
    inCommit: (sha, subject) => `（コミット ${sha}「${subject}」）`,
    rewrite: 'キーを含まないようにこれらのコミットを書き換えてから（git rebase -i。後のコミットでキーを消しても履歴からは消えません）、もう一度プッシュしてください',
    leaked: (remediate) => `一度でもプッシュまたは共有したキーは漏洩しています。無効化してください（${remediate}）`,
    falsePositive: '誤検出の場合: その行に keywarden:allow コメントを付けるか、デフォルトブランチの .keywarden-baseline.json に登録してください',
  },

  notes: {
    overLimit: (display, size, limit) => `${display} をスキップしました: ${size} バイトで、上限の ${limit} バイトを超えています（--max-file-size）`,
    couldNotRead: (display, code) => `${display} を読み取れませんでした: ${code}`,
    notFileOrFolder: (root) => `${root} をスキップしました: 通常のファイルでもフォルダーでもありません`,
    couldNotReadFolder: (display, code) => `フォルダー ${display} を読み取れませんでした: ${code}。その中のファイルはスキャンしていません`,
    ignoredFolder: (display, name) =>
      `${display}/ をスキップしました: ${name === '.git' ? 'git 自身のデータです（コミットは scan --history で読みます。--no-default-ignores を付けるとたどります）' : 'インストールされたパッケージです（--no-default-ignores を付けるとたどります）'}`,
    symbolicLink: (display) => `${display} をスキップしました: シンボリックリンクです（リンク先はたどりません）`,
    notRegularFile: (display) => `${display} をスキップしました: 通常のファイルではありません`,
    submodule: (file) => `${file} をスキップしました: サブモジュールです`,
    noCommits: 'スキャンするものはありません: リポジトリにコミットがありません',
    emptyRange: (target) => `スキャンするものはありません: ${target} にはコミットがありません`,
    missingBlobs: (count, named, more, allowed) =>
      `${count} 個の blob がリポジトリになく、スキャンしていません（部分クローン、または破損したオブジェクト）: ${named.join('、')}${more > 0 ? ` ほか ${more} 個` : ''}。${allowed ? 'スキャンは不完全です（--allow-missing により受け入れています）' : 'スキャンが不完全なため、終了コードは 2 です（--allow-missing で受け入れられます）'}`,
  },

  errors: {
    noSuchPath: (path) => `そのようなファイルまたはフォルダーはありません: ${path}`,
    notRepository: (dir) => `git リポジトリではありません: ${dir}`,
    cannotReadReport: (shown, code) => `--report ${shown} を読み取れません: ${code}`,
    reportNotJson: (shown, problem) => `--report ${shown} は JSON ではありません（${problem}）。\`keywarden scan --format json --no-redact --output FILE\` で書き出してください`,
    reportNotReport: (shown, problem) => `--report ${shown} は keywarden のバージョン 1 の JSON レポートではありません: ${problem}`,
    standardInput: '-（標準入力）',
  },

  revisions: {
    emptyRef: (flag) => `${flag} の値が空です。ブランチ、タグ、コミットを指定するか、値なしですべての ref をスキャンしてください`,
    refSpaces: (flag, value) => `${flag} にはブランチ、タグ、コミットを指定してください（指定値: '${value}'。ref に空白や制御文字は入りません）`,
    refDash: (flag, value) => `${flag} にはブランチ、タグ、コミットを指定してください（指定値: '${value}'。ref は '-' で始まりません${flag === '--history' ? '。値なしの --history はすべての ref をスキャンします' : ''}）`,
    refRange: (flag, value) => `${flag} にはブランチ、タグ、コミットを指定してください。'${value}' は範囲です。範囲は --range ${value} でスキャンします`,
    refPath: (flag, value) => `${flag} にはパスではなく、ブランチ、タグ、コミットを指定してください: '${value}'（ファイルやフォルダーは ${flag} なしでスキャンします: keywarden scan ${value}）`,
    notRevision: (name, rev) => `${role(name)}の '${rev}' はリビジョンではありません`,
    shallow: (name, rev) => `${role(name)}の '${rev}' はこのシャロークローンにありません。全履歴を取得してください（actions/checkout の fetch-depth: 0、または git fetch --unshallow）`,
    notCommit: (name, rev, type) => `${role(name)}の '${rev}' はコミットではなく ${type} を指しています`,
    shallowNote: 'シャロークローンです。履歴が不完全なため、最も古いコミットにあるキーは、実際にはもっと前からあっても、そのコミットで追加されたものとして報告されます（全履歴をスキャンするには git fetch --unshallow）',
    graftsNote: (file) => `このリポジトリには grafts ファイル（${file}）があります。コミットの親を書き換え、コミットを隠すことができるため、keywarden はこれを無視し、プッシュやクローンで見えるとおりの実際の履歴をスキャンします`,
    rangeForms: 'A..B、A...B、A^!、"^A B"、"B --not A" のいずれか',
    rangeControl: (text) => `--range '${text}' にタブ、改行、または制御文字が入っています。リビジョンは空白で区切ってください`,
    rangeEmpty: (forms) => `--range にはリビジョンを指定してください: ${forms}`,
    rangeOption: (word, forms) => `--range に指定できるのはリビジョンで、オプション '${word}' は使えません（使えるのは --not だけです。すべての ref は --history でスキャンします）: ${forms}`,
    rangeNoBase: (text, names, first) => `--range '${text}' は何も除外しないため、全履歴になります。全履歴は --history ${names} でスキャンするか、基点を指定してください（BASE..${first}）`,
    rangeOnlyBase: (text, rev) => `--range '${text}' は除外するコミットしか指定していません。スキャンするものも指定してください（HEAD を加えるか、${rev}..HEAD と書きます）`,
    rangeNegated: (word, rev) => `--range '${word}' は範囲の前に ^ を付けています。'${rev}' と書くか、^A B の形にしてください`,
    rangeNot: (word) => `--range: --not が使えるのは個々のリビジョンで、'${word}' には使えません。範囲は --not の前に書いてください`,
    rangeDots: (word) => `--range '${word}' は範囲ではありません。二つのリビジョンの間に .. または ... を一つだけ書きます`,
    rangeParent: (word) => `--range '${word}': 親の番号は 1 から始まります（A^-1 は A^..A）`,
    rangeForm: (word, forms) => `--range '${word}' は keywarden が受け付ける形ではありません: ${forms}`,
    unknown: (name, rev, hint) => `${role(name)}の '${rev}' が見つかりません${hint === null ? '。そのようなブランチ、タグ、コミットはありません' : `（'${hint}' のことですか？）`}`,
  },

  verify: {
    skipForeign: '自社以外のアカウントのキーです。使うとカナリアトークンの通知が所有者に送られる可能性があります',
    skipRedacted: 'レポートではシークレットアクセスキーがマスクされています',
    skipNoSecret: 'シークレットアクセスキーが一緒に見つかっていません',
    skipNoToken: '一時的なキーはセキュリティトークンがないと確認できず、トークンは見つかっていません',
    result: (keyId, status, detail) =>
      `--verify ${keyId}: ${({ live: '有効（LIVE）', invalid: '無効', expired: '期限切れ', 'secret-mismatch': 'シークレットが対ではありません', unknown: '不明' } as Record<string, string>)[status] ?? `不明な応答 ${status}`}（${detail}）`,
    notChecked: (keyId, reason) => `--verify ${keyId}: 確認していません（${reason}）`,
    endpointUrl: (raw) => `--sts-endpoint には https://sts.eu-west-1.amazonaws.com のような URL を指定してください（指定値: '${raw}'）`,
    endpointScheme: (raw) => `--sts-endpoint には http(s) の URL を指定してください（指定値: '${raw}'）`,
  },

  progress: {
    labels: { blobs: 'blob' },
    eta: (seconds) => ` 残り約 ${seconds} 秒`,
  },

  output: {
    warning: '警告: ',
    skippedFiles: (n) => `${n} 個のファイルをスキップしました（--max-file-size 超過、サブモジュール、シンボリックリンク、または通常のファイルではないもの）`,
    skippedFolders: (n) => `${n} 個のフォルダーをスキップしました（.git、node_modules）`,
    skipped: (counts) => `${counts.join('、')}。--verbose で一覧と理由を表示します`,
    allowed: (why, where, ruleId) => `${why}で許可: ${where} ${ruleId}`,
    onlyVerified: (n) => `--only-verified: ${n} 件を除外しました（STS が有効と確認できなかったキー）`,
    baselineWritten: (n, file) => `ベースラインに ${n} 件を書き込みました: ${file}`,
    internalError: (message) => `内部エラー: ${message}`,
    debugHint: '（詳細は --debug を付けて実行してください）',
  },

  config: {
    empty: (label) => `${label}: 空です（JSON オブジェクトが必要です）`,
    invalidJson: (label, line, column, reason, hint) => `${label}: ${line} 行 ${column} 列目が有効な JSON ではありません: ${reason}${hint}`,
    json: {
      end: '入力が途中で終わっています（} か ] が足りない可能性があります）',
      unterminated: '文字列が閉じられていません',
      control: '文字列の中に制御文字（改行など）があります',
      badUnicode: '\\u エスケープが正しくありません',
      badEscape: 'エスケープシーケンスが正しくありません',
      trailingComma: '末尾に余分なカンマがあります',
      propertyName: 'ダブルクォートで囲んだプロパティ名が必要です',
      colon: "プロパティ名の後に ':' が必要です",
      commaBrace: "',' か '}' が必要です",
      commaBracket: "',' か ']' が必要です",
      notValue: '予期しない文字です（JSON の値ではありません）',
      afterEnd: 'JSON の値の後に余分なテキストがあります',
      tooDeep: '有効な JSON ではありません（入れ子が深すぎて位置を特定できません）',
      invalid: '有効な JSON ではありません',
    },
    notRead: (file) => `読み込みません: keywarden の設定は JSON のみで（${file} または package.json の "keywarden"）、設定ファイルが実行されることはありません。設定は ${file} に移してください`,
    noKeywardenKey: (label) => `${label}: "keywarden" キーがありません`,
    noSuchFile: 'ファイルがありません',
    isFolder: 'ファイルではなくフォルダーです',
    cannotRead: (code) => `読み取れません（${code}）`,
    linkOutside: (label) => `${label}: リポジトリの外を指すシンボリックリンク（またはその中）のため、keywarden は読み込みません（リポジトリの外のファイルを使うには、そのファイル自身のパスを指定してください）`,
    baselineNoFile: 'ファイルがありません（`keywarden baseline --output FILE` で書き出してください）',
    baselineConflict: '（マージの競合が残っています。両方の行を残すか、ベースラインを作り直してください）',
    baselineObject: '`keywarden baseline` が書き出した JSON オブジェクトが必要です',
    baselineNoVersion: 'ありません。`keywarden baseline` が書き出したファイルが必要です',
    baselineVersion: (version, supported, newer) => `${version} はこの keywarden が読めるベースラインの形式（${supported}）ではありません。${newer ? 'keywarden を更新してください' : 'ベースラインを作り直してください'}`,
    baselineKey: 'フィンガープリント（小文字の 16 進数 32 文字）でも既知のキー（version、about）でもありません',
    baselineEntry: 'file と ruleId を持つオブジェクトが必要です',
    baselineUnknownKey: (known) => `不明なキーです。使えるキー: ${known}`,
    baselineFile: 'ファイルのパスが必要です',
    baselineRuleId: 'ルール ID が必要です',
    baselineString: '文字列が必要です',
  },

  rules: {
    cannotReadFolder: (dir, message) => `ルールのフォルダー ${dir} を読み取れません: ${message}`,
    invalidJson: (origin, message) => `${origin}: 有効な JSON ではありません: ${message}`,
    idFileName: (origin, name) => `${origin}: id: ファイル名（"${name}"）と同じにしてください`,
    duplicateId: (origin, id) => `${origin}: id: "${id}" は別のルールですでに定義されています`,
    unknownDisabled: (where, id) => `${where}: disableRules: 不明なルール ID "${id}" です`,
    unknownEntropy: (where, id) => `${where}: entropy: 不明なルール ID "${id}" です`,
    entropyRange: (where, id) => `${where}: entropy.${id}: 0 から 8 までの数値を指定してください`,
    unknownAllow: (where, id) => `${where}: allow.rules.${id}: 不明なルール ID です`,
  },

  git: {
    stopped: 'スキャンは中断されました',
    cannotRun: (why) => `git を実行できません: ${why}`,
    notInstalled: 'git がインストールされていないか、PATH にありません',
    killed: (command, signal) => `git ${command} は完了前に${signal ? ` ${signal} ` : 'シグナル'}で終了しました。スキャンは不完全です`,
    failed: (command, line) => `git ${command} が失敗しました: ${line}`,
    workerFailed: (message) => `履歴をスキャンするワーカーが失敗しました: ${message}`,
  },

  archive: {
    repeated: (archive, count, reason, first) => `${archive}: ${count} 回: ${reason}（最初: ${first}）`,
    stopped: (entries, bytes, message) => `${entries} エントリ、${bytes} バイトを読んだところでアーカイブの読み取りを止めました: ${message}。残りはスキャンしていません`,
    asPlainFile: (reason) => `${reason}。代わりに通常のファイルとしてスキャンしました`,
    restNotScanned: (reason) => `${reason}。アーカイブの残りはスキャンしていません`,
    overLimit: (where, size, limit) => `${where} をスキップしました: ${size} バイトは上限の ${limit} バイト（--max-file-size）を超えています`,
    tooDeep: (format, depth) => `${depth} 階層より深く入れ子になった ${format} アーカイブ（archives.maxDepth）: スキャンしていません`,
    notScanned: (skip) => `${skip}: スキャンしていません`,
    cannotInflate: (message) => `エントリを展開できません: ${message}`,
  },

  cli: {
    errors: {
      unknownFormat: (format, command, allowed) => `${command} では --format '${format}' は使えません（${allowed} から選んでください）`,
      baselineOutput: 'baseline には --output FILE（ベースラインの書き込み先）が必要です',
      oneMode: '--staged、--history、--range、--since、--stdin、--pre-receive、--commit-msg のうち一つだけを指定してください',
      historyPaths: (paths) => `--history はパスではなくコミットをスキャンします: ${paths}（ref はすぐ後に書きます: --history main。ファイルは --history なしでスキャンします）`,
      rangeWords: (range, paths) => `--range の値は一つの引数です。複数の語からなる範囲は引用符で囲んでください（--range "${range} ${paths}"）。パスとは併用できません`,
      modePaths: (paths) => `--staged、--history、--range、--since、--stdin、--pre-receive、--commit-msg はパスと併用できません: ${paths}`,
      timeoutWithout: (flag) => `${flag} は --pre-receive（サーバー側のフック）用です。--verify の待ち時間は --verify-timeout で指定します`,
      timeoutRange: (value) => `--timeout には 0 より大きく 3600 以下の秒数を指定してください（指定値: '${value}'）`,
      onTimeout: (value) => `--on-timeout には open（プッシュを受け付ける）か closed（拒否する）を指定してください（指定値: '${value}'）`,
      preReceiveOutput: (name) => `--pre-receive は git がプッシュした人に中継する行を自分で出力するため、--${name} は指定できません`,
      preReceiveVerify: (name) => `--pre-receive には --${name} を指定できません。フックは AWS を呼び出しません（見つかったキーの確認は keywarden remediate --verify で行います）`,
      maxFileSize: (value) => `--max-file-size には 1048576、512KB、10MB のようなサイズを指定してください（指定値: '${value}'）`,
      verifyTimeout: (value) => `--verify-timeout には 0 より大きく 300 以下の秒数を指定してください（指定値: '${value}'）`,
      cannotWrite: (file, code) => `${file} に書き込めません: ${code}`,
    },
    badLang: (value) => `--lang '${value}' は使えません（en または ja を指定してください）`,
    unknownCommand: (word, hint, commands) => `不明なコマンド '${word}' です${hint ? `（'${hint}' のことですか？）` : ''}。コマンド: ${commands}`,
    commandFirst: (token, command) => `${token} の前にコマンドを指定してください: keywarden ${command} ${token}`,
    listCommands: 'コマンドの一覧は keywarden --help で表示できます',
    listOptions: (command) => `オプションの一覧は keywarden ${command} --help で表示できます`,
    needsValue: (flag) => `${flag} には値が必要です`,
    gotOption: (flag, next) => `${flag} には値が必要ですが、オプション ${next} が指定されています（それが値なら ${flag}=${next} と書いてください）`,
    emptyValue: (flag) => `${flag} には値が必要ですが、空の値が指定されています`,
    otherCommand: (flag, commands, command) => `${flag} は ${commands} のオプションで、${command} では使えません`,
    list: (items) => items.join('、'),
    unknownShort: (letter, command) => `不明なオプション '-${letter}' です。オプションの一覧は keywarden ${command} --help で表示できます`,
    unknownOption: (flag, hint, help) => `不明なオプション '${flag}' です${hint ? `（'--${hint}' のことですか？）` : ''}。${help}`,
  },

};
