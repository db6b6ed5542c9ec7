# Runs each case through ruby-pg and prints what it raised, like probe.py (same input and output).
require 'json'
require 'pg'
require 'stringio'

job = JSON.parse($stdin.read)
active_record = job['client'] == 'activerecord'

# connect_timeout and sslmode, when a case sets them, are libpq settings as they are.
LIBPQ_EXTRA = %w[connect_timeout sslmode].freeze

def connect(info)
  PG.connect(host: info['host'], port: info['port'], user: info['user'], password: info['password'], dbname: info['dbname'],
             **info.slice(*LIBPQ_EXTRA).transform_keys(&:to_sym))
end

# The page's snippet sees `conn` and `sql` as the reader's connection and statement.
def snippet_binding(conn, sql)
  binding
end

# Runs the page's snippet as shown: what it printed, or the exception that escaped it.
def run_snippet(snippet, conn, sql)
  saved = $stdout
  out = StringIO.new
  $stdout = out
  eval(snippet, snippet_binding(conn, sql))
  { caught: true, printed: out.string.strip }
rescue Exception => e
  { caught: false, escaped: e.class.name }
ensure
  $stdout = saved
end

if active_record
  # ActiveRecord's PostgreSQL adapter over ruby-pg: what it translates the driver's error into.
  # The SQLSTATE stays on the driver's exception, e.cause.
  require 'active_record'
  info = job['conn']
  config = { adapter: 'postgresql', host: info['host'], port: info['port'], username: info['user'], password: info['password'], database: info['dbname'] }
  ActiveRecord::Base.establish_connection(config)
  # A second connection for the connect cases (ActiveRecord wants a named class for it).
  class OtherConnection < ActiveRecord::Base
    self.abstract_class = true
  end
  sqlstate_of = ->(e) { e.cause.is_a?(PG::Error) ? e.cause.result&.error_field(PG::PG_DIAG_SQLSTATE) : nil }
  reset = lambda do
    conn = ActiveRecord::Base.connection
    conn.reconnect! unless conn.active?
    conn.execute('RESET ALL')
  rescue StandardError
    nil
  end
  job['cases'].each do |kase|
    fields = { client: 'activerecord', version: ActiveRecord::VERSION::STRING, attribute: 'e.cause.result.error_field(PG::PG_DIAG_SQLSTATE)' }
    begin
      if kase['conn']
        other = info.merge(kase['conn'])
        OtherConnection.establish_connection(config.merge(host: other['host'], port: other['port'], username: other['user'], password: other['password'], database: other['dbname'],
                                                          **other.slice(*LIBPQ_EXTRA).transform_keys(&:to_sym)))
        begin
          OtherConnection.connection
        ensure
          OtherConnection.remove_connection
        end
      else
        kase['statements'].each { |s| ActiveRecord::Base.connection.execute(s) }
      end
      fields[:raised] = nil
    rescue ActiveRecord::ActiveRecordError => e
      fields[:raised] = {
        class: e.class.name.delete_prefix('ActiveRecord::'), module: 'ActiveRecord', sqlstate: sqlstate_of.call(e),
        message: e.message.strip.split("\n").first,
        specific: e.class != ActiveRecord::StatementInvalid && e.class != ActiveRecord::ConnectionNotEstablished,
      }
    end
    reset.call
    if kase['snippet']
      conn = ActiveRecord::Base.connection
      kase['statements'][0..-2].each { |s| conn.execute(s) }
      fields[:snippet] = run_snippet(kase['snippet'], conn, kase['statements'][-1])
      reset.call
    end
    puts JSON.generate({ id: kase['id'] }.merge(fields))
    $stdout.flush
  end
  exit 0
end

# One connection for all cases, opened again only after a case ended it (see probe.py).
$shared = nil
def session(job)
  $shared = connect(job['conn']) if $shared.nil? || $shared.finished? || $shared.status != PG::CONNECTION_OK
  $shared
end

def finish
  $shared.exec('RESET ALL') if $shared && !$shared.finished? && $shared.status == PG::CONNECTION_OK
rescue PG::Error
  nil
end

job['cases'].each do |kase|
  fields = { client: 'ruby-pg', version: PG::VERSION, attribute: 'result.error_field(PG::PG_DIAG_SQLSTATE)' }
  begin
    if kase['conn']
      connect(job['conn'].merge(kase['conn'])).close
    else
      conn = session(job)
      kase['statements'].each { |s| conn.exec(s) }
    end
    fields[:raised] = nil
  rescue PG::Error => e
    fields[:raised] = {
      class: e.class.name.delete_prefix('PG::'), module: 'PG',
      sqlstate: e.result&.error_field(PG::PG_DIAG_SQLSTATE),
      message: e.message.strip.split("\n").first,
      specific: PG::ERROR_CLASSES[kase['code']] == e.class,
    }
  end
  finish
  if kase['snippet']
    conn = session(job)
    kase['statements'][0..-2].each { |s| conn.exec(s) }
    fields[:snippet] = run_snippet(kase['snippet'], conn, kase['statements'][-1])
    finish
  end
  puts JSON.generate({ id: kase['id'] }.merge(fields))
  $stdout.flush
end
